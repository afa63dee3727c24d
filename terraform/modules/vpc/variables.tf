variable "name" {
  description = "Name prefix for every resource (e.g. avantika-prod)."
  type        = string
}

variable "cidr_block" {
  description = "VPC CIDR. Must sit inside 10.0.0.0/8: the Kubernetes NetworkPolicies allow datastore traffic to that range."
  type        = string
  validation {
    condition     = can(cidrnetmask(var.cidr_block)) && startswith(var.cidr_block, "10.")
    error_message = "cidr_block must be a valid CIDR inside 10.0.0.0/8."
  }
}

variable "azs" {
  description = "Availability zones to spread subnets over (2 or 3)."
  type        = list(string)
  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 3
    error_message = "Use two or three availability zones."
  }
}

variable "cluster_name" {
  description = "EKS cluster name, for the subnet discovery tags of the AWS Load Balancer Controller."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (cheaper, not AZ-fault-tolerant) instead of one per AZ."
  type        = bool
  default     = false
}

variable "flow_log_retention_days" {
  description = "Retention of VPC flow logs in CloudWatch; 0 disables flow logs."
  type        = number
  default     = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}
