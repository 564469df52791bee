id        = "aws-elasticsearch-enforce-https"
title     = "OpenSearch domains only accept HTTPS"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "unsafe"
message   = "OpenSearch/Elasticsearch domain accepts requests over plain HTTP"
checkov   = ["CKV_AWS_83"]
trivy     = ["AVD-AWS-0046"]
tfsec     = ["aws-elastic-search-enforce-https"]
cis       = []

# Absent means true, the provider's default.
require {
  path    = "domain_endpoint_options.enforce_https"
  expect  = true
  missing = "pass"
}
