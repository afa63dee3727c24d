# The Avantika estate for one environment (ARCHITECTURE.md section 8; the design
# documents' "Cloud Infrastructure"): VPC, EKS (general + tainted sandbox node groups),
# RDS PostgreSQL, DocumentDB, ElastiCache Redis, MSK (optional), S3, CloudFront + WAF,
# and the Secrets Manager secrets that k8s/base/external-secrets.yaml reads.
#
# environments/{dev,staging,prod} call this module with their sizes, counts and CIDRs and
# configure the providers (aws in the environment's region, aws.us_east_1 for the WAF).
# A change here reaches every environment: apply it to dev first, then staging and prod.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  name = "avantika-${var.environment}"
  # The Kubernetes namespace of k8s/overlays/<environment>; secrets and the app's pod
  # identity are keyed on it.
  namespace = "avantika-${var.environment}"
  tags = merge(var.tags, {
    Project     = "avantika"
    Environment = var.environment
    ManagedBy   = "terraform"
  })
  datastore_clients = [module.eks.cluster_security_group_id]
}

module "vpc" {
  source             = "../vpc"
  name               = local.name
  cidr_block         = var.vpc_cidr
  azs                = var.azs
  cluster_name       = local.name
  single_nat_gateway = var.single_nat_gateway
  tags               = local.tags
}

module "eks" {
  source                 = "../eks"
  cluster_name           = local.name
  kubernetes_version     = var.kubernetes_version
  vpc_id                 = module.vpc.vpc_id
  subnet_ids             = module.vpc.private_subnet_ids
  endpoint_public_access = length(var.eks_public_access_cidrs) > 0
  public_access_cidrs    = var.eks_public_access_cidrs
  admin_principal_arns   = var.eks_admin_principal_arns

  node_groups = {
    general = merge(var.general_node_group, {
      labels = { workload = "general" }
    })
    # Judge workers only: k8s/base/sandbox.yaml tolerates this taint and selects this
    # label; nothing else schedules here.
    sandbox = merge(var.sandbox_node_group, {
      labels = { workload = "sandbox" }
      taints = [{ key = "workload", value = "sandbox", effect = "NO_SCHEDULE" }]
    })
  }

  pod_identities = {
    # The application pods (service account avantika): object storage.
    app = {
      namespace       = local.namespace
      service_account = "avantika"
      policy_json     = data.aws_iam_policy_document.app.json
    }
    # The External Secrets Operator's controller: read this environment's secrets.
    external-secrets = {
      namespace       = "external-secrets"
      service_account = "external-secrets"
      policy_json     = data.aws_iam_policy_document.external_secrets.json
    }
  }

  tags = local.tags
}

module "rds" {
  source                     = "../rds"
  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = local.datastore_clients
  instance_class             = var.rds.instance_class
  allocated_storage_gb       = var.rds.allocated_storage_gb
  max_allocated_storage_gb   = var.rds.max_allocated_storage_gb
  multi_az                   = var.rds.multi_az
  backup_retention_days      = var.rds.backup_retention_days
  deletion_protection        = var.deletion_protection
  tags                       = local.tags
}

module "documentdb" {
  source                     = "../documentdb"
  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = local.datastore_clients
  instance_class             = var.documentdb.instance_class
  instance_count             = var.documentdb.instance_count
  backup_retention_days      = var.documentdb.backup_retention_days
  deletion_protection        = var.deletion_protection
  tags                       = local.tags
}

module "elasticache" {
  source                     = "../elasticache"
  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = local.datastore_clients
  node_type                  = var.redis.node_type
  replicas                   = var.redis.replicas
  tags                       = local.tags
}

# Domain events on Kafka (CHANNELS_ADAPTER=kafka in k8s/overlays/staging and prod). An
# environment without MSK runs its channels on NATS JetStream (dev).
module "msk" {
  source                     = "../msk"
  count                      = var.msk == null ? 0 : 1
  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = local.datastore_clients
  broker_count               = var.msk.broker_count
  instance_type              = var.msk.instance_type
  volume_size_gb             = var.msk.volume_size_gb
  tags                       = local.tags
}

module "s3" {
  source      = "../s3"
  name_prefix = "${local.name}-${data.aws_caller_identity.current.account_id}"
  buckets = {
    # Recordings, resumes, certificates (ARCHITECTURE.md section 2, object storage).
    objects = {
      cors_origins = [var.public_url]
      lifecycle_rules = [{
        id                      = "recordings-tiering"
        prefix                  = "recordings/"
        transition_ia_days      = 30
        transition_glacier_days = 90
      }]
    }
    # Public media served through CloudFront (/media/*).
    media = {
      cloudfront_read = true
    }
  }
  cloudfront_distribution_arn = module.cloudfront.distribution_arn
  tags                        = local.tags
}

module "waf" {
  source = "../waf"
  # CloudFront web ACLs live in us-east-1.
  providers = { aws = aws.us_east_1 }
  name      = local.name
  scope     = "CLOUDFRONT"
  tags      = local.tags
}

module "cloudfront" {
  source                            = "../cloudfront"
  name                              = local.name
  gateway_origin_domain             = var.gateway_origin_domain
  media_bucket_regional_domain_name = module.s3.bucket_regional_domain_names["media"]
  aliases                           = var.domain_names
  acm_certificate_arn               = var.cloudfront_certificate_arn
  web_acl_arn                       = module.waf.web_acl_arn
  price_class                       = var.cloudfront_price_class
  tags                              = local.tags
}

# ---- application identity and secrets ---------------------------------------------------

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "ListBuckets"
    actions   = ["s3:ListBucket"]
    resources = values(module.s3.bucket_arns)
  }
  statement {
    sid       = "ReadWriteObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = [for arn in values(module.s3.bucket_arns) : "${arn}/*"]
  }
}

data "aws_iam_policy_document" "external_secrets" {
  statement {
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [
      "arn:${data.aws_partition.current.partition}:secretsmanager:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:secret:${local.namespace}/*",
    ]
  }
}

# One secret per Kubernetes Secret of k8s/base/external-secrets.yaml, named
# <namespace>/<part>. Operators put the values of data, auth, mail and ai (they hold
# credentials terraform should not see); terraform fills endpoints.
resource "aws_secretsmanager_secret" "app" {
  for_each                = toset(["data", "auth", "mail", "ai", "endpoints"])
  name                    = "${local.namespace}/${each.value}"
  description             = "Avantika ${var.environment}: environment for the ${each.value} secret (k8s/base/external-secrets.yaml)"
  recovery_window_in_days = var.deletion_protection ? 30 : 0
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "endpoints" {
  secret_id = aws_secretsmanager_secret.app["endpoints"].id
  secret_string = jsonencode(
    var.msk == null ? {} : { KAFKA_BROKERS = module.msk[0].bootstrap_brokers_tls }
  )
}
