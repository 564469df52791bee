id        = "aws-cloudfront-access-logs"
title     = "CloudFront distributions write access logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_cloudfront_distribution"]
fix       = "display-only"
message   = "CloudFront distribution writes no access logs, so the requests it served cannot be investigated"
checkov   = ["CKV_AWS_86"]
trivy     = ["AVD-AWS-0010"]
tfsec     = ["aws-cloudfront-enable-logging"]
cis       = []

# The bucket is the user's choice: the fix shows where it goes.
require {
  path   = "logging_config.bucket"
  reject = [""]
  fix    = "TODO: the domain name of the log bucket, such as my-logs.s3.amazonaws.com"
}
