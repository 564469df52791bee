id        = "aws-launch-template-metadata-hop-limit"
title     = "Launch templates keep metadata responses on the instance"
severity  = "low"
provider  = "aws"
resources = ["aws_launch_template", "aws_launch_configuration"]
fix       = "unsafe"
message   = "Launch template lets instance metadata responses travel more than one network hop"
checkov   = ["CKV_AWS_341"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the AWS default of 1.
require {
  path    = "metadata_options.http_put_response_hop_limit"
  expect  = 1
  missing = "pass"
}
