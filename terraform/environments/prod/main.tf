# prod: the sizes of the design documents (technical-architecture.md, "AWS Services
# Mapping" and "Cluster Configuration"): multi-AZ everywhere, one NAT gateway per AZ.
#
# The composition is ../../modules/stack; this file holds what makes prod prod (the
# README's table), providers.tf its region and versions.tf its state key.

module "stack" {
  source = "../../modules/stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment         = "prod"
  azs                 = ["ap-south-1a", "ap-south-1b", "ap-south-1c"]
  vpc_cidr            = "10.30.0.0/16"
  single_nat_gateway  = false
  deletion_protection = true

  kubernetes_version = "1.31"
  # CI runners and the VPN; fill in before the first apply.
  eks_public_access_cidrs = []

  # "general: t3.xlarge, 3-15"
  general_node_group = {
    instance_types = ["t3.xlarge"]
    min_size       = 3
    max_size       = 15
    desired_size   = 5
  }

  # The design's "compute" pool (c5.2xlarge, 2-10) becomes the judge pool.
  sandbox_node_group = {
    instance_types = ["c6i.2xlarge"]
    min_size       = 2
    max_size       = 10
    desired_size   = 3
  }

  # "RDS PostgreSQL: Multi-AZ, db.r6g.xlarge"; RPO 5 min from continuous backups.
  rds = {
    instance_class           = "db.r6g.xlarge"
    allocated_storage_gb     = 200
    max_allocated_storage_gb = 1000
    multi_az                 = true
    backup_retention_days    = 14
  }

  # "DocumentDB: 3-node cluster", "continuous backup, 35-day retention".
  documentdb = {
    instance_class        = "db.r6g.large"
    instance_count        = 3
    backup_retention_days = 35
  }

  # "ElastiCache Redis: r6g.large" with two replicas for failover (RTO 5 min).
  redis = {
    node_type = "cache.r6g.large"
    replicas  = 2
  }

  msk = {
    broker_count   = 3
    instance_type  = "kafka.m5.large"
    volume_size_gb = 500
  }

  public_url             = "https://avantika.example.com"
  domain_names           = []
  cloudfront_price_class = "PriceClass_All"
  gateway_origin_domain  = "origin.avantika.example.com"
}
