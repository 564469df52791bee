//! Rules that data cannot express, one module each, named after the problem.

use std::sync::Arc;

use crate::meta::RuleMeta;
use crate::rule::Rule;
use instance_metadata_key::InstanceMetadataKey;
use sql_database_flag::{FlagPolicy, SqlDatabaseFlag};

mod admin_port_open_to_world;
mod aks_host_encryption_off;
mod bucket_access_unlogged;
mod container_insights_off;
mod incomplete_uploads_kept;
mod instance_metadata_key;
mod rds_logs_not_exported;
mod sql_connections_unencrypted;
mod sql_database_flag;

/// The Rust implementation of the rule `meta` describes, if it has one.
pub(crate) fn implementation(meta: &RuleMeta) -> Option<Arc<dyn Rule>> {
    let rule: Arc<dyn Rule> = match meta.id.as_str() {
        "aws-security-group-ssh-open-to-world" => Arc::new(
            admin_port_open_to_world::AwsAdminPort::new(meta.clone(), 22),
        ),
        "aws-security-group-rdp-open-to-world" => Arc::new(
            admin_port_open_to_world::AwsAdminPort::new(meta.clone(), 3389),
        ),
        "gcp-firewall-ssh-open-to-world" => Arc::new(admin_port_open_to_world::GcpAdminPort::new(
            meta.clone(),
            22,
        )),
        "gcp-sql-require-ssl" => Arc::new(
            sql_connections_unencrypted::SqlUnencryptedConnections::new(meta.clone()),
        ),
        "azure-aks-host-encryption" => Arc::new(
            aks_host_encryption_off::AksHostEncryptionOff::new(meta.clone()),
        ),
        "gcp-compute-block-project-ssh-keys" => Arc::new(InstanceMetadataKey::must_be(
            meta.clone(),
            "block-project-ssh-keys",
            true,
        )),
        "gcp-compute-serial-port-disabled" => Arc::new(InstanceMetadataKey::must_not_be(
            meta.clone(),
            "serial-port-enable",
            true,
        )),
        "gcp-compute-os-login" => Arc::new(InstanceMetadataKey::must_not_be(
            meta.clone(),
            "enable-oslogin",
            false,
        )),
        "aws-rds-log-exports" => {
            Arc::new(rds_logs_not_exported::RdsLogsNotExported::new(meta.clone()))
        }
        "aws-s3-lifecycle-abort-incomplete-uploads" => Arc::new(
            incomplete_uploads_kept::IncompleteUploadsKept::new(meta.clone()),
        ),
        "aws-ecs-container-insights" => Arc::new(
            container_insights_off::ContainerInsightsOff::new(meta.clone()),
        ),
        "gcp-sql-postgres-log-checkpoints" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "POSTGRES",
            "log_checkpoints",
            FlagPolicy::OneOf(&["on"]),
        )),
        "gcp-sql-postgres-log-connections" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "POSTGRES",
            "log_connections",
            FlagPolicy::OneOf(&["on"]),
        )),
        "gcp-sql-postgres-log-disconnections" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "POSTGRES",
            "log_disconnections",
            FlagPolicy::OneOf(&["on"]),
        )),
        "gcp-sql-postgres-log-lock-waits" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "POSTGRES",
            "log_lock_waits",
            FlagPolicy::OneOf(&["on"]),
        )),
        "gcp-sql-postgres-log-statement" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "POSTGRES",
            "log_statement",
            FlagPolicy::OneOf(&["ddl", "mod", "all"]),
        )),
        "gcp-sql-mysql-local-infile-off" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "MYSQL",
            "local_infile",
            FlagPolicy::NoneOf {
                rejected: &["on"],
                fix: "off",
            },
        )),
        "gcp-sql-sqlserver-cross-db-ownership-chaining-off" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "SQLSERVER",
            "cross db ownership chaining",
            FlagPolicy::NoneOf {
                rejected: &["on"],
                fix: "off",
            },
        )),
        "gcp-sql-sqlserver-contained-db-auth-off" => Arc::new(SqlDatabaseFlag::new(
            meta.clone(),
            "SQLSERVER",
            "contained database authentication",
            FlagPolicy::NoneOf {
                rejected: &["on"],
                fix: "off",
            },
        )),
        "aws-s3-bucket-access-logging" => Arc::new(
            bucket_access_unlogged::BucketAccessUnlogged::new(meta.clone()),
        ),
        _ => return None,
    };
    Some(rule)
}
