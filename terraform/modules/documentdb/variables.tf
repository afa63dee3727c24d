variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups admitted on 27017 (the EKS cluster security group)."
  type        = list(string)
}

variable "engine_version" {
  type    = string
  default = "5.0.0"
}

variable "instance_class" {
  type    = string
  default = "db.r6g.large"
}

variable "instance_count" {
  description = "1 writer + (n-1) replicas; the design documents ask for a 3-node cluster in prod."
  type        = number
  default     = 3
}

variable "backup_retention_days" {
  description = "DocumentDB keeps continuous backups for up to 35 days."
  type        = number
  default     = 35
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "master_username" {
  type    = string
  default = "avantika_admin"
}

variable "tags" {
  type    = map(string)
  default = {}
}
