variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "One subnet per AZ; the broker count must be a multiple of their number."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups admitted on the TLS listener (the EKS cluster security group)."
  type        = list(string)
}

variable "kafka_version" {
  type    = string
  default = "3.6.0"
}

variable "broker_count" {
  type    = number
  default = 3
}

variable "instance_type" {
  type    = string
  default = "kafka.m5.large"
}

variable "volume_size_gb" {
  type    = number
  default = 200
}

variable "log_retention_days" {
  type    = number
  default = 14
}

variable "tags" {
  type    = map(string)
  default = {}
}
