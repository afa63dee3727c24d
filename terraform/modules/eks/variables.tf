variable "cluster_name" {
  type = string
}

variable "kubernetes_version" {
  type    = string
  default = "1.31"
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets for the control plane ENIs and the nodes."
  type        = list(string)
}

variable "endpoint_public_access" {
  description = "Expose the Kubernetes API endpoint publicly (restricted to public_access_cidrs)."
  type        = bool
  default     = true
}

variable "public_access_cidrs" {
  description = "Who may reach the public API endpoint (CI runners, office VPN)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "cluster_log_types" {
  type    = list(string)
  default = ["api", "audit", "authenticator"]
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "node_groups" {
  description = <<-EOT
    Managed node groups. Each: instance_types, capacity_type (ON_DEMAND|SPOT), min_size,
    max_size, desired_size, disk_size_gb, labels, taints (key, value, effect in
    NO_SCHEDULE|NO_EXECUTE|PREFER_NO_SCHEDULE).
  EOT
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gb   = optional(number, 50)
    labels         = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = string
      effect = string
    })), [])
  }))
  validation {
    condition = alltrue([
      for g in values(var.node_groups) : g.min_size <= g.desired_size && g.desired_size <= g.max_size
    ])
    error_message = "Every node group needs min_size <= desired_size <= max_size."
  }
}

variable "pod_identities" {
  description = <<-EOT
    EKS Pod Identity: an IAM role per Kubernetes service account (namespace +
    service_account), with the given inline policy (JSON).
  EOT
  type = map(object({
    namespace       = string
    service_account = string
    policy_json     = string
  }))
  default = {}
}

variable "admin_principal_arns" {
  description = "IAM principals (roles/users) granted cluster-admin through EKS access entries."
  type        = list(string)
  default     = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
