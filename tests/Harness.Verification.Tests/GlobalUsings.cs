global using Harness.Verification.Tests.Support;
global using Harness.ApiFacts;
