package dev.permafrost.example;

/** Where a test run stands; stored by name. */
public enum TestStatus { QUEUED, RUNNING, PASSED, FAILED }
