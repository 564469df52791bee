id        = "aws-cloudfront-waf"
title     = "CloudFront distributions are protected by a WAF web ACL"
severity  = "medium"
provider  = "aws"
resources = ["aws_cloudfront_distribution"]
fix       = "display-only"
message   = "CloudFront distribution has no WAF web ACL in front of it"
checkov   = ["CKV_AWS_68"]
trivy     = ["AVD-AWS-0011"]
tfsec     = ["aws-cloudfront-enable-waf"]
cis       = []

# Which web ACL, with which rules, is the user's choice.
require {
  path   = "web_acl_id"
  reject = [""]
  fix    = "TODO: the ARN of a WAFv2 web ACL with scope CLOUDFRONT"
}
