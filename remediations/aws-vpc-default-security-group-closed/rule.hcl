id        = "aws-vpc-default-security-group-closed"
title     = "The default security group of every VPC allows no traffic"
severity  = "medium"
provider  = "aws"
resources = ["aws_vpc"]
fix       = "unsafe"
message   = "VPC's default security group keeps its default rules, which let every member talk to each other and to anywhere"
checkov   = ["CKV2_AWS_12"]
trivy     = ["AVD-AWS-0173"]
tfsec     = []
cis       = ["CIS AWS 5.3"]

# Declaring the default security group without rules makes Terraform remove
# the rules AWS created with it.
companion {
  type      = "aws_default_security_group"
  reference = "vpc_id"
  body      = ""
}
