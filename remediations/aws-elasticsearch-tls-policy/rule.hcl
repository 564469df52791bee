id        = "aws-elasticsearch-tls-policy"
title     = "OpenSearch domains require TLS 1.2"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "unsafe"
message   = "OpenSearch/Elasticsearch domain accepts TLS versions older than 1.2"
checkov   = ["CKV_AWS_228"]
trivy     = ["AVD-AWS-0126"]
tfsec     = ["aws-elastic-search-use-secure-tls-policy"]
cis       = []

# Absent means Policy-Min-TLS-1-0-2019-07. The fix writes the policy every
# provider version knows.
require {
  path   = "domain_endpoint_options.tls_security_policy"
  accept = ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"]
}
