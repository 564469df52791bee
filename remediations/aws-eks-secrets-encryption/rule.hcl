id        = "aws-eks-secrets-encryption"
title     = "EKS clusters encrypt Kubernetes secrets with a KMS key"
severity  = "high"
provider  = "aws"
resources = ["aws_eks_cluster"]
fix       = "display-only"
message   = "EKS cluster stores Kubernetes secrets without envelope encryption by a KMS key"
checkov   = ["CKV_AWS_58"]
trivy     = ["AVD-AWS-0039"]
tfsec     = ["aws-eks-encrypt-secrets"]
cis       = []

require {
  path   = "encryption_config.resources"
  expect = ["secrets"]
}

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "encryption_config.provider.key_arn"
  reject = [""]
  fix    = "TODO: the ARN of a symmetric KMS key in the cluster's region"
}
