# What the environments read back: they configure their providers' default tags with
# `tags` and re-export this module's outputs as one object.

output "environment" {
  value = var.environment
}

output "name" {
  description = "avantika-<environment>: the prefix of every name (cluster, databases, buckets)."
  value       = local.name
}

output "tags" {
  description = "var.tags plus Project, Environment and ManagedBy; known at plan time (no resources), so the providers' default_tags can use it."
  value       = local.tags
}

output "vpc_cidr" {
  description = "Inside 10.0.0.0/8, the datastore range of k8s/base's NetworkPolicies."
  value       = var.vpc_cidr
}

output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_endpoint" {
  value = module.eks.cluster_endpoint
}

output "kubernetes_namespace" {
  value = local.namespace
}

output "postgres_endpoint" {
  description = "For DATABASE_URL in <namespace>/data (postgresql://USER:PASS@HOST:5432/avantika?sslmode=...)."
  value       = module.rds.endpoint
}

output "postgres_master_secret_arn" {
  value = module.rds.master_user_secret_arn
}

output "documentdb_endpoint" {
  description = "For MONGO_URL in <namespace>/data (mongodb://USER:PASS@HOST:27017/?tls=true&replicaSet=rs0&retryWrites=false)."
  value       = module.documentdb.endpoint
}

output "redis_endpoint" {
  description = "For REDIS_URL in <namespace>/data (rediss://HOST:6379)."
  value       = module.elasticache.primary_endpoint
}

output "kafka_bootstrap_brokers_tls" {
  value = var.msk == null ? null : module.msk[0].bootstrap_brokers_tls
}

output "buckets" {
  value = module.s3.bucket_ids
}

output "cloudfront_domain_name" {
  value = module.cloudfront.domain_name
}

output "secret_names" {
  value = [for s in aws_secretsmanager_secret.app : s.name]
}
