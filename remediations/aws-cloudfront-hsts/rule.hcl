id        = "aws-cloudfront-hsts"
title     = "CloudFront response headers policies enforce HSTS"
severity  = "medium"
provider  = "aws"
resources = ["aws_cloudfront_response_headers_policy"]
fix       = "unsafe"
message   = "CloudFront response headers policy does not send a strict Strict-Transport-Security header"
checkov   = ["CKV_AWS_259"]
trivy     = []
tfsec     = []
cis       = []

require {
  path     = "security_headers_config.strict_transport_security.access_control_max_age_sec"
  at_least = 31536000
  fix      = 31536000
}

require {
  path   = "security_headers_config.strict_transport_security.include_subdomains"
  expect = true
}

require {
  path   = "security_headers_config.strict_transport_security.preload"
  expect = true
}

require {
  path   = "security_headers_config.strict_transport_security.override"
  expect = true
}
