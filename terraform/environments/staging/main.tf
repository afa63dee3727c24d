# staging: prod's shape (three AZs, MSK, replicas) at smaller sizes.
#
# The composition is ../../modules/stack; this file holds what makes staging staging (the
# README's table), providers.tf its region and versions.tf its state key.

module "stack" {
  source = "../../modules/stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment         = "staging"
  azs                 = ["ap-south-1a", "ap-south-1b", "ap-south-1c"]
  vpc_cidr            = "10.20.0.0/16"
  single_nat_gateway  = true
  deletion_protection = true

  kubernetes_version = "1.31"
  # CI runners and the VPN; fill in before the first apply.
  eks_public_access_cidrs = []

  general_node_group = {
    instance_types = ["t3.xlarge"]
    min_size       = 3
    max_size       = 6
    desired_size   = 3
  }

  sandbox_node_group = {
    instance_types = ["c6i.2xlarge"]
    min_size       = 1
    max_size       = 4
    desired_size   = 1
  }

  rds = {
    instance_class           = "db.r6g.large"
    allocated_storage_gb     = 50
    max_allocated_storage_gb = 200
    multi_az                 = false
    backup_retention_days    = 7
  }

  documentdb = {
    instance_class        = "db.r6g.large"
    instance_count        = 2
    backup_retention_days = 7
  }

  redis = {
    node_type = "cache.r6g.large"
    replicas  = 1
  }

  msk = {
    broker_count   = 3
    instance_type  = "kafka.m5.large"
    volume_size_gb = 100
  }

  public_url             = "https://staging.avantika.example.com"
  domain_names           = []
  cloudfront_price_class = "PriceClass_200"
  gateway_origin_domain  = "origin.staging.avantika.example.com"
}
