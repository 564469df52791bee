id        = "aws-cloudtrail-multi-region"
title     = "CloudTrail trails record every region"
severity  = "medium"
provider  = "aws"
resources = ["aws_cloudtrail"]
fix       = "safe"
message   = "CloudTrail trail records one region only, so activity in the other regions goes unlogged"
checkov   = ["CKV_AWS_67"]
trivy     = ["AVD-AWS-0014"]
tfsec     = ["aws-cloudtrail-enable-all-regions"]
cis       = ["CIS AWS 3.1"]

require {
  path   = "is_multi_region_trail"
  expect = true
}
