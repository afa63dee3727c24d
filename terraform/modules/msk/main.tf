# MSK (Kafka) for domain events through @moleculer/channels' Kafka adapter (CHANNELS_ADAPTER=kafka).
# TLS between clients and brokers (listener 9094) and inside the cluster; no plaintext
# listener. Clients are not authenticated by Kafka: only the EKS cluster's security group
# reaches the brokers. The broker certificates chain to Amazon's public CA, which Node
# trusts, so kafkajs only needs `ssl: true` (see k8s/README.md, "Gaps in the app").

resource "aws_security_group" "this" {
  name        = "${var.name}-kafka"
  description = "Kafka (TLS) from the EKS cluster"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-kafka" })
}

resource "aws_vpc_security_group_ingress_rule" "kafka_tls" {
  for_each                     = toset(var.allowed_security_group_ids)
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9094
  description                  = "Kafka TLS from ${each.value}"
}

# Brokers replicate to each other.
resource "aws_vpc_security_group_ingress_rule" "kafka_self" {
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = aws_security_group.this.id
  ip_protocol                  = "-1"
  description                  = "Broker to broker"
}

resource "aws_msk_configuration" "this" {
  name           = "${var.name}-${replace(var.kafka_version, ".", "-")}"
  kafka_versions = [var.kafka_version]
  description    = "${var.name} broker defaults"

  # Topics are created by the channels adapter's start-up step (TOOLCHAIN.md: create
  # streams/consumers up front), never implicitly by a typo'd producer.
  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=${min(var.broker_count, 3)}
    min.insync.replicas=${min(var.broker_count, 3) > 1 ? 2 : 1}
    num.partitions=6
    log.retention.hours=168
    unclean.leader.election.enable=false
  PROPERTIES

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "broker" {
  name              = "/aws/msk/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.broker_count

  broker_node_group_info {
    instance_type   = var.instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.volume_size_gb
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  client_authentication {
    unauthenticated = true
  }

  # JMX and node exporters for Prometheus (broker health; consumer lag comes from a
  # kafka_exporter in the cluster, see k8s/base/prometheusrule.yaml).
  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.broker.name
      }
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.broker_count % length(var.subnet_ids) == 0
      error_message = "broker_count must be a multiple of the number of subnets (AZs)."
    }
  }
}
