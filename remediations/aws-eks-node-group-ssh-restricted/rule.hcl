id        = "aws-eks-node-group-ssh-restricted"
title     = "EKS node groups with SSH access name who may connect"
severity  = "high"
provider  = "aws"
resources = ["aws_eks_node_group"]
fix       = "display-only"
message   = "EKS node group allows SSH to its nodes from anywhere: remote_access names a key but no source security groups"
checkov   = ["CKV_AWS_100"]
trivy     = []
tfsec     = []
cis       = []

# Only node groups that allow SSH at all.
when {
  path = "remote_access.ec2_ssh_key"
}

# Which security groups may connect is the user's choice.
require {
  path = "remote_access.source_security_group_ids"
  fix  = ["TODO: the ID of a security group allowed to SSH to the nodes"]
}
