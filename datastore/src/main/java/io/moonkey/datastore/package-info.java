/** The keyspace: databases, expiry, memory accounting and the data types. */
package io.moonkey.datastore;
