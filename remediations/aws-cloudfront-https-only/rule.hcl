id        = "aws-cloudfront-https-only"
title     = "CloudFront distributions serve viewers over HTTPS only"
severity  = "high"
provider  = "aws"
resources = ["aws_cloudfront_distribution"]
fix       = "unsafe"
message   = "CloudFront distribution serves viewers over plain HTTP (viewer_protocol_policy = \"allow-all\")"
checkov   = ["CKV_AWS_34"]
trivy     = ["AVD-AWS-0012"]
tfsec     = ["aws-cloudfront-enforce-https"]
cis       = []

require {
  path    = "default_cache_behavior.viewer_protocol_policy"
  reject  = ["allow-all"]
  missing = "pass"
  fix     = "redirect-to-https"
}

# Every ordered cache behavior that exists, too.
require {
  path          = "ordered_cache_behavior.viewer_protocol_policy"
  reject        = ["allow-all"]
  missing       = "pass"
  missing_block = "pass"
  fix           = "redirect-to-https"
}
