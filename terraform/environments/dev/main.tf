# dev: small, single-AZ where that is cheaper, no MSK (channels on NATS), disposable.
#
# The composition is ../../modules/stack; this file holds what makes dev dev (the
# README's table), providers.tf its region and versions.tf its state key.

module "stack" {
  source = "../../modules/stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment         = "dev"
  azs                 = ["ap-south-1a", "ap-south-1b"]
  vpc_cidr            = "10.10.0.0/16"
  single_nat_gateway  = true
  deletion_protection = false

  kubernetes_version      = "1.31"
  eks_public_access_cidrs = ["0.0.0.0/0"]

  general_node_group = {
    instance_types = ["t3.large"]
    capacity_type  = "SPOT"
    min_size       = 2
    max_size       = 4
    desired_size   = 2
  }

  sandbox_node_group = {
    instance_types = ["c6i.xlarge"]
    min_size       = 1
    max_size       = 2
    desired_size   = 1
  }

  rds = {
    instance_class           = "db.t4g.medium"
    allocated_storage_gb     = 20
    max_allocated_storage_gb = 50
    multi_az                 = false
    backup_retention_days    = 3
  }

  documentdb = {
    instance_class        = "db.t3.medium"
    instance_count        = 1
    backup_retention_days = 1
  }

  redis = {
    node_type = "cache.t4g.small"
    replicas  = 0
  }

  msk = null

  public_url             = "https://dev.avantika.example.com"
  domain_names           = []
  cloudfront_price_class = "PriceClass_100"
  gateway_origin_domain  = "origin.dev.avantika.example.com"
}
