output "bootstrap_brokers_tls" {
  description = "host:port,... for KAFKA_BROKERS (TLS listener)."
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}

output "cluster_arn" {
  value = aws_msk_cluster.this.arn
}

output "security_group_id" {
  value = aws_security_group.this.id
}
