variable "name" {
  type = string
}

variable "gateway_origin_domain" {
  description = <<-EOT
    DNS name of the gateway's load balancer (the ALB that the AWS Load Balancer Controller
    creates for k8s/base/ingress.yaml), served over HTTPS. It is created by Kubernetes, not
    here, so it is an input: point a stable name (e.g. origin.<domain>) at it.
  EOT
  type        = string
}

variable "media_bucket_regional_domain_name" {
  description = "S3 bucket served under /media/* through Origin Access Control."
  type        = string
}

variable "aliases" {
  description = "Public host names (need acm_certificate_arn)."
  type        = list(string)
  default     = []
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 for the aliases; null = the *.cloudfront.net certificate."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "WAFv2 web ACL (scope CLOUDFRONT) protecting the distribution."
  type        = string
  default     = null
}

variable "price_class" {
  type    = string
  default = "PriceClass_All"
}

variable "tags" {
  type    = map(string)
  default = {}
}
