variable "name_prefix" {
  description = "Bucket names are <name_prefix>-<key>; S3 names are global, so include the account or a unique suffix."
  type        = string
}

variable "buckets" {
  description = <<-EOT
    Buckets by key. lifecycle_rules apply to a key prefix ("" = whole bucket);
    cloudfront_read grants the CloudFront distribution (cloudfront_distribution_arn) read
    access through Origin Access Control.
  EOT
  type = map(object({
    versioning      = optional(bool, true)
    force_destroy   = optional(bool, false)
    cloudfront_read = optional(bool, false)
    cors_origins    = optional(list(string), [])
    # Days a replaced or deleted object version is kept (versioned buckets).
    noncurrent_expiration_days = optional(number, 30)
    lifecycle_rules = optional(list(object({
      id                      = string
      prefix                  = optional(string, "")
      transition_ia_days      = optional(number)
      transition_glacier_days = optional(number)
      expiration_days         = optional(number)
    })), [])
  }))
}

variable "cloudfront_distribution_arn" {
  description = "Distribution allowed to read buckets with cloudfront_read = true (null = none yet)."
  type        = string
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
