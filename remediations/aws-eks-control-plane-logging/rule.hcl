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

# The list in the order AWS documents it; the same types in another order are
# reported too, and the fix writes this order.
require {
  path   = "enabled_cluster_log_types"
  expect = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
