id        = "aws-eks-public-endpoint-disabled"
title     = "EKS cluster API endpoints are private"
severity  = "high"
provider  = "aws"
resources = ["aws_eks_cluster"]
fix       = "unsafe"
message   = "EKS cluster's Kubernetes API endpoint is reachable from the internet"
checkov   = ["CKV_AWS_39", "CKV_AWS_38"]
trivy     = ["AVD-AWS-0040", "AVD-AWS-0041"]
tfsec     = ["aws-eks-no-public-cluster-access", "aws-eks-no-public-cluster-access-to-cidr"]
cis       = []

# Absent means public: the AWS default.
require {
  path   = "vpc_config.endpoint_public_access"
  expect = false
}

# AWS refuses a cluster with neither endpoint; the private one replaces it.
require {
  path   = "vpc_config.endpoint_private_access"
  expect = true
}
