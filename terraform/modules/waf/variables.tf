variable "name" {
  type = string
}

variable "scope" {
  description = "CLOUDFRONT (the provider must then be in us-east-1) or REGIONAL (an ALB)."
  type        = string
  default     = "CLOUDFRONT"
  validation {
    condition     = contains(["CLOUDFRONT", "REGIONAL"], var.scope)
    error_message = "scope is CLOUDFRONT or REGIONAL."
  }
}

variable "rate_limit_per_ip" {
  description = "Requests per IP per 5 minutes, whole site."
  type        = number
  default     = 3000
}

variable "auth_rate_limit_per_ip" {
  description = "Requests per IP per 5 minutes to /api/auth/* (login, register, refresh)."
  type        = number
  default     = 300
}

variable "log_retention_days" {
  description = "WAF logs in CloudWatch; 0 disables logging."
  type        = number
  default     = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}
