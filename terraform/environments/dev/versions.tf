terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # State in S3 with native locking; the bucket and region come from
  #   terraform init -backend-config=bucket=<state bucket> -backend-config=region=<region>
  backend "s3" {
    key          = "avantika/dev/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
