id        = "aws-networkfirewall-cmk"
title     = "Network Firewall resources are encrypted with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_networkfirewall_firewall", "aws_networkfirewall_rule_group"]
fix       = "display-only"
message   = "Network Firewall resource is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_345"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "encryption_configuration.type"
  expect = "CUSTOMER_KMS"
}

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "encryption_configuration.key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key"
}
