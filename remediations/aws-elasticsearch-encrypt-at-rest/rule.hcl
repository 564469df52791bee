id        = "aws-elasticsearch-encrypt-at-rest"
title     = "OpenSearch domains encrypt data at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "unsafe"
message   = "OpenSearch/Elasticsearch domain stores its indices without encryption at rest"
checkov   = ["CKV_AWS_5"]
trivy     = ["AVD-AWS-0048"]
tfsec     = ["aws-elastic-search-enable-domain-encryption"]
cis       = []

require {
  path   = "encrypt_at_rest.enabled"
  expect = true
}
