id        = "aws-networkfirewall-deletion-protection"
title     = "Network firewalls are protected from deletion"
severity  = "medium"
provider  = "aws"
resources = ["aws_networkfirewall_firewall"]
fix       = "unsafe"
message   = "Network Firewall can be deleted by a single API call or Terraform change"
checkov   = ["CKV_AWS_344"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "delete_protection"
  expect = true
}
