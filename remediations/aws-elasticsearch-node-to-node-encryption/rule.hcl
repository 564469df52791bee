id        = "aws-elasticsearch-node-to-node-encryption"
title     = "OpenSearch domains encrypt traffic between nodes"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "unsafe"
message   = "OpenSearch/Elasticsearch domain with several nodes sends data between them unencrypted"
checkov   = ["CKV_AWS_6"]
trivy     = ["AVD-AWS-0043"]
tfsec     = ["aws-elastic-search-enable-in-transit-encryption"]
cis       = []

# A single node has no traffic between nodes; like Checkov, look only at
# domains that declare several.
when {
  path     = "cluster_config.instance_count"
  at_least = 2
}

require {
  path   = "node_to_node_encryption.enabled"
  expect = true
}
