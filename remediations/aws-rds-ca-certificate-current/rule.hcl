id        = "aws-rds-ca-certificate-current"
title     = "RDS instances use a current certificate authority"
severity  = "medium"
provider  = "aws"
resources = ["aws_db_instance"]
fix       = "unsafe"
message   = "RDS instance uses an outdated certificate authority for its TLS certificate"
checkov   = ["CKV_AWS_211"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the region's default authority, which is current.
require {
  path    = "ca_cert_identifier"
  accept  = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"]
  missing = "pass"
}
