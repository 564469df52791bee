id        = "aws-elasticsearch-cmk"
title     = "OpenSearch domains encrypt data with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "display-only"
message   = "OpenSearch/Elasticsearch domain is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_247"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "encrypt_at_rest.enabled"
  expect = true
}

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "encrypt_at_rest.kms_key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key"
}
