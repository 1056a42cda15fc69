namespace Intake.Api.Manage;

public static class ManageEndpoints
{
    /// <summary>The prospect's own request, reached by the link in their messages, under /api/manage/{token}.</summary>
    public static IEndpointRouteBuilder MapManage(this IEndpointRouteBuilder app) => app;
}
