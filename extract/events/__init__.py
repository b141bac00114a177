"""Events: dated happenings, one per sentence that reports them."""
