variable "environment" {
  description = "dev, staging or prod; names everything avantika-<environment>."
  type        = string
  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment is dev, staging or prod."
  }
}

variable "tags" {
  description = "Extra tags; Project, Environment and ManagedBy are always set (see the tags output)."
  type        = map(string)
  default     = {}
}

variable "deletion_protection" {
  description = "Protect databases from deletion and keep final snapshots / secret recovery windows."
  type        = bool
  default     = true
}

# ---- network ----

variable "vpc_cidr" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "single_nat_gateway" {
  type    = bool
  default = false
}

# ---- EKS ----

variable "kubernetes_version" {
  type    = string
  default = "1.31"
}

variable "eks_public_access_cidrs" {
  description = "CIDRs allowed to the public API endpoint; [] makes the endpoint private only."
  type        = list(string)
  default     = []
}

variable "eks_admin_principal_arns" {
  type    = list(string)
  default = []
}

variable "general_node_group" {
  type = object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gb   = optional(number, 50)
  })
}

variable "sandbox_node_group" {
  type = object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gb   = optional(number, 100)
  })
}

# ---- data ----

variable "rds" {
  type = object({
    instance_class           = string
    allocated_storage_gb     = number
    max_allocated_storage_gb = number
    multi_az                 = bool
    backup_retention_days    = number
  })
}

variable "documentdb" {
  type = object({
    instance_class        = string
    instance_count        = number
    backup_retention_days = number
  })
}

variable "redis" {
  type = object({
    node_type = string
    replicas  = number
  })
}

variable "msk" {
  description = "Kafka (MSK); null = no MSK in this environment (channels on NATS)."
  type = object({
    broker_count   = number
    instance_type  = string
    volume_size_gb = number
  })
  default = null
}

# ---- edge ----

variable "public_url" {
  description = "The site's origin (PUBLIC_URL in k8s/overlays/<environment>), for S3 CORS."
  type        = string
}

variable "domain_names" {
  description = "CloudFront aliases (need cloudfront_certificate_arn)."
  type        = list(string)
  default     = []
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate in us-east-1 covering domain_names."
  type        = string
  default     = null
}

variable "cloudfront_price_class" {
  type    = string
  default = "PriceClass_All"
}

variable "gateway_origin_domain" {
  description = "HTTPS name of the ALB created for k8s/base/ingress.yaml (known after the first deploy)."
  type        = string
}
