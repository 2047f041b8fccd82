atomicgen_add_audit_test(NAME "")
