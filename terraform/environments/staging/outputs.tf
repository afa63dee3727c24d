# Everything modules/stack outputs, as one object:
#   terraform output -json stack | jq -r .postgres_endpoint
output "stack" {
  value = module.stack
}
