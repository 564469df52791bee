id        = "aws-ec2-no-public-ip"
title     = "EC2 instances and launch templates ask for no public IP address"
severity  = "medium"
provider  = "aws"
resources = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
fix       = "unsafe"
message   = "EC2 instance gets a public IP address, which makes it reachable from the internet"
checkov   = ["CKV_AWS_88", "CKV_AWS_389"]
trivy     = ["AVD-AWS-0009"]
tfsec     = ["aws-ec2-no-public-ip"]
cis       = []

# aws_instance and aws_launch_configuration.
require {
  path    = "associate_public_ip_address"
  reject  = [true]
  missing = "pass"
  fix     = false
}

# aws_launch_template: the setting lives in its network interfaces.
require {
  path    = "network_interfaces.associate_public_ip_address"
  reject  = [true]
  missing = "pass"
  fix     = false
}
