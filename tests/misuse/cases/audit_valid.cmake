# Positive control: both forms of the call configure without a word on stderr.
atomicgen_add_audit_test()
atomicgen_add_audit_test(NAME project.audit)
