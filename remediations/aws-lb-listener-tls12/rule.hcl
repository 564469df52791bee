id        = "aws-lb-listener-tls12"
title     = "Load balancer TLS listeners require TLS 1.2 or later"
severity  = "high"
provider  = "aws"
resources = ["aws_lb_listener", "aws_alb_listener"]
fix       = "unsafe"
message   = "Load balancer listener accepts TLS versions older than 1.2"
checkov   = ["CKV_AWS_103"]
trivy     = ["AVD-AWS-0047"]
tfsec     = ["aws-elb-use-secure-tls-policy"]
cis       = []

when {
  path   = "protocol"
  accept = ["HTTPS", "TLS"]
}

# Absent means ELBSecurityPolicy-2016-08, which allows TLS 1.0.
require {
  path = "ssl_policy"
  accept = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
  ]
}
