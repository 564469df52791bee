id        = "aws-security-group-descriptions"
title     = "Security groups and their rules say what they allow"
severity  = "low"
provider  = "aws"
resources = [
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
]
fix     = "display-only"
message = "Security group or rule has no description, so reviewers cannot tell why it exists"
checkov = ["CKV_AWS_23"]
trivy   = ["AVD-AWS-0099", "AVD-AWS-0124"]
tfsec   = ["aws-ec2-add-description-to-security-group", "aws-ec2-add-description-to-security-group-rule"]
cis     = []

require {
  path   = "description"
  reject = [""]
  fix    = "TODO: describe what this allows"
}

# Only the inline rules that exist need a description.
require {
  path          = "ingress.description"
  reject        = [""]
  missing_block = "pass"
  fix           = "TODO: describe what this allows"
}

require {
  path          = "egress.description"
  reject        = [""]
  missing_block = "pass"
  fix           = "TODO: describe what this allows"
}
