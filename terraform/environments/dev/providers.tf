# Provider configurations belong to the root module; the tags are the stack's (known
# before any resource exists), so every resource is tagged as the modules tag it.
provider "aws" {
  region = "ap-south-1"
  default_tags {
    tags = module.stack.tags
  }
}

# CloudFront's WAF web ACL and certificates must be in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = module.stack.tags
  }
}
