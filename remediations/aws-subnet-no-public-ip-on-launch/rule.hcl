id        = "aws-subnet-no-public-ip-on-launch"
title     = "Subnets do not give instances public IP addresses"
severity  = "medium"
provider  = "aws"
resources = ["aws_subnet"]
fix       = "unsafe"
message   = "Subnet gives every instance launched in it a public IP address"
checkov   = ["CKV_AWS_130"]
trivy     = ["AVD-AWS-0164"]
tfsec     = ["aws-ec2-no-public-ip-subnet"]
cis       = []

# Absent means false, the AWS default.
require {
  path    = "map_public_ip_on_launch"
  reject  = [true]
  missing = "pass"
  fix     = false
}
