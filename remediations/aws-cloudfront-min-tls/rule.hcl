id        = "aws-cloudfront-min-tls"
title     = "CloudFront distributions accept TLS 1.2 or later from viewers"
severity  = "high"
provider  = "aws"
resources = ["aws_cloudfront_distribution"]
fix       = "unsafe"
message   = "CloudFront distribution accepts viewer connections with TLS versions older than 1.2"
checkov   = ["CKV_AWS_174"]
trivy     = ["AVD-AWS-0013"]
tfsec     = ["aws-cloudfront-use-secure-tls-policy"]
cis       = []

# The default *.cloudfront.net certificate always allows TLS 1.0; only a
# distribution with its own certificate can choose.
when {
  path    = "viewer_certificate.cloudfront_default_certificate"
  reject  = [true]
  missing = "pass"
}

require {
  path   = "viewer_certificate.minimum_protocol_version"
  accept = ["TLSv1.2_2021", "TLSv1.2_2019", "TLSv1.2_2018", "TLSv1.2_2025", "TLSv1.3_2025"]
}
