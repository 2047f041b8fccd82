add_custom_target(app)
target_link_generated_sources(app)
