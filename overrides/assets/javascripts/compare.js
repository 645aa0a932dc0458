// Component script: see site.js for how it is mounted.
