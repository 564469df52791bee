id        = "aws-eks-control-plane-logging"
title     = "EKS clusters log every control plane component"
severity  = "medium"
provider  = "aws"
resources = ["aws_eks_cluster"]
fix       = "safe"
message   = "EKS cluster does not send all control plane logs (api, audit, authenticator, controllerManager, scheduler) to CloudWatch"
checkov   = ["CKV_AWS_37"]
trivy     = ["AVD-AWS-0038"]
tfsec     = ["aws-eks-enable-control-plane-logging"]
cis       = []

# Every type must be listed, in any order; the fix appends the missing ones.
require {
  path     = "enabled_cluster_log_types"
  contains = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
